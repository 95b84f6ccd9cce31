/** Connection quality from WebRTC stats, as a four-step scale the UI can show as bars. */
export type CallQuality = 'unknown' | 'poor' | 'fair' | 'good';

export interface PeerStatsSample {
  at: number;
  /** Bytes received over every inbound RTP stream so far. */
  inboundBytes: number;
  /** Bytes sent over every outbound RTP stream so far. */
  outboundBytes: number;
  packetsReceived: number;
  packetsLost: number;
  /** Seconds, from the selected candidate pair; NaN when unknown. */
  rtt: number;
  /** 0–1, the loudest inbound audio level (Chromium reports it on inbound-rtp). */
  audioLevel: number;
  /** Frames per second of the inbound video, when there is some. */
  framesPerSecond: number;
}

export async function samplePeer(pc: RTCPeerConnection): Promise<PeerStatsSample> {
  const report = await pc.getStats();
  const s: PeerStatsSample = { at: performance.now(), inboundBytes: 0, outboundBytes: 0, packetsReceived: 0, packetsLost: 0, rtt: NaN, audioLevel: 0, framesPerSecond: 0 };
  let selectedPair = '';
  report.forEach((r: Record<string, unknown>) => {
    if (r.type === 'transport' && typeof r.selectedCandidatePairId === 'string') selectedPair = r.selectedCandidatePairId;
  });
  report.forEach((r: Record<string, unknown>) => {
    const num = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : 0);
    if (r.type === 'inbound-rtp') {
      s.inboundBytes += num('bytesReceived');
      s.packetsReceived += num('packetsReceived');
      s.packetsLost += Math.max(0, num('packetsLost'));
      if (r.kind === 'audio') s.audioLevel = Math.max(s.audioLevel, num('audioLevel'));
      if (r.kind === 'video') s.framesPerSecond = num('framesPerSecond');
    } else if (r.type === 'outbound-rtp') {
      s.outboundBytes += num('bytesSent');
    } else if (r.type === 'candidate-pair' && (r.id === selectedPair || (!selectedPair && r.nominated && r.state === 'succeeded'))) {
      if (typeof r.currentRoundTripTime === 'number') s.rtt = r.currentRoundTripTime;
    }
  });
  return s;
}

/** Quality from two samples a second or so apart: loss and round-trip time, and whether anything arrives at all. */
export function qualityOf(prev: PeerStatsSample | undefined, next: PeerStatsSample): CallQuality {
  if (!prev) return 'unknown';
  const received = next.packetsReceived - prev.packetsReceived;
  const lost = next.packetsLost - prev.packetsLost;
  if (next.inboundBytes <= prev.inboundBytes) return 'poor';
  const loss = received + lost > 0 ? lost / (received + lost) : 0;
  const rtt = Number.isNaN(next.rtt) ? 0 : next.rtt;
  if (loss > 0.08 || rtt > 0.5) return 'poor';
  if (loss > 0.02 || rtt > 0.2) return 'fair';
  return 'good';
}

/** Audio level above which a participant counts as speaking. */
export const SPEAKING_LEVEL = 0.04;
