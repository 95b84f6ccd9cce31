import { installEnglishTable } from './en.js';
import { formatCount } from './plural.js';

/** Texts of `<im-call>` and `<im-call-button>` (override through `strings`). */
export interface ImCallStrings {
  incomingVideo: string;
  incomingAudio: string;
  incomingGroup: (count: number) => string;
  calling: string;
  ringing: string;
  connecting: string;
  accept: string;
  acceptAudio: string;
  decline: string;
  cancel: string;
  hangUp: string;
  mute: string;
  camera: string;
  devices: string;
  microphone: string;
  cameraDevice: string;
  speaker: string;
  speakerUnsupported: string;
  you: string;
  close: string;
  reconnecting: string;
  ended: (duration: string) => string;
  endReason: Record<string, string>;
  quality: Record<string, string>;
  callLabel: string;
  /** `<im-call-button>`'s default labels. */
  videoCall: string;
  voiceCall: string;
}

export const defaultCallStrings: ImCallStrings = {
  incomingVideo: 'Incoming video call',
  incomingAudio: 'Incoming voice call',
  incomingGroup: (n) => `Group call · ${formatCount(n)} invited`,
  calling: 'Calling…',
  ringing: 'Ringing…',
  connecting: 'Connecting…',
  accept: 'Accept',
  acceptAudio: 'Audio only',
  decline: 'Decline',
  cancel: 'Cancel',
  hangUp: 'Hang up',
  mute: 'Microphone off',
  camera: 'Camera off',
  devices: 'Devices',
  microphone: 'Microphone',
  cameraDevice: 'Camera',
  speaker: 'Speaker',
  speakerUnsupported: 'This browser plays calls on the default speaker.',
  you: 'You',
  close: 'Close',
  reconnecting: 'Reconnecting…',
  ended: (d) => (d ? `Call ended · ${d}` : 'Call ended'),
  endReason: {
    hangup: 'Call ended',
    cancelled: 'Call cancelled',
    rejected: 'Call declined',
    timeout: 'No answer',
    busy: 'Busy: in another call',
    disconnected: 'The other side lost its connection',
    ended: 'Call ended',
    failed: 'The call failed',
    'answered-elsewhere': 'Answered on another device',
    'rejected-elsewhere': 'Declined on another device',
  },
  quality: { unknown: 'Connection: measuring', good: 'Connection: good', fair: 'Connection: fair', poor: 'Connection: poor' },
  callLabel: 'Call',
  videoCall: 'Video call',
  voiceCall: 'Voice call',
};

// Importing this module (<im-call> and <im-call-button> do) makes it English's call table.
installEnglishTable('call', defaultCallStrings);
