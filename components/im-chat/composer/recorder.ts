import { importOnce } from '../../shared/lazy.js';
import type { VoiceRecording } from './voice-recording.js';

/** The recording code (voice-recording.ts) is imported when the user first records. */
const recording = importOnce(() => import('./voice-recording.js'));

/**
 * The composer's voice recorder: MediaRecorder behind a small front, so that a chat that
 * never records does not download the recording code. Made by chat-extras.ts on the first
 * recording (`<im-chat>` itself only checks that the browser can record).
 */
export class VoiceRecorder {
  private active: VoiceRecording | null = null;
  /** Bumped by cancel(), so a start() still loading its code does not begin afterwards. */
  private generation = 0;

  get recording(): boolean {
    return !!this.active?.recording;
  }

  get elapsed(): number {
    return this.active?.elapsed ?? 0;
  }

  async start(): Promise<void> {
    if (this.active?.recording) return;
    const generation = this.generation;
    const { VoiceRecording } = await recording();
    if (generation !== this.generation) return;
    this.active ??= new VoiceRecording();
    await this.active.start();
  }

  /** Stops and returns the recording, or null when it was too short to keep. */
  stop(): Promise<{ blob: Blob; duration: number } | null> {
    return this.active ? this.active.stop() : Promise.resolve(null);
  }

  cancel(): void {
    this.generation++;
    this.active?.cancel();
  }
}
