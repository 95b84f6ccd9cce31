/**
 * Voice recording with MediaRecorder; the duration is measured here (fresh WebM files report
 * none). Loaded when the user first records (recorder.ts).
 */
export class VoiceRecording {
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private stream: MediaStream | null = null;
  private startedAt = 0;

  get recording(): boolean {
    return !!this.recorder;
  }

  get elapsed(): number {
    return this.recorder ? (performance.now() - this.startedAt) / 1000 : 0;
  }

  async start(): Promise<void> {
    if (this.recorder) return;
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'].find((t) => MediaRecorder.isTypeSupported(t));
    this.recorder = new MediaRecorder(this.stream, type ? { mimeType: type } : undefined);
    this.chunks = [];
    this.recorder.ondataavailable = (e) => {
      if (e.data.size) this.chunks.push(e.data);
    };
    this.recorder.start(250);
    this.startedAt = performance.now();
  }

  /** Stops and returns the recording, or null when it was too short to keep. */
  stop(): Promise<{ blob: Blob; duration: number } | null> {
    const recorder = this.recorder;
    if (!recorder) return Promise.resolve(null);
    const duration = this.elapsed;
    return new Promise((resolve) => {
      recorder.onstop = () => {
        const blob = new Blob(this.chunks, { type: (recorder.mimeType || 'audio/webm').split(';')[0] });
        this.release();
        resolve(duration < 0.5 || blob.size === 0 ? null : { blob, duration });
      };
      recorder.stop();
    });
  }

  cancel(): void {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
  }

  private release(): void {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.recorder = null;
    this.chunks = [];
  }
}
