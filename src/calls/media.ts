import type { CallMediaType } from '../model/call.js';
import { ErrorCode, ImError } from '../protocol/errors.js';

/** Whether this page can make calls at all (WebRTC present, secure context for getUserMedia). */
export function callsSupported(): boolean {
  return typeof RTCPeerConnection !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

/** getUserMedia's DOMExceptions as imkit errors with messages a person can act on. */
export function mediaError(error: unknown, wanted: CallMediaType): ImError {
  if (error instanceof ImError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const what = wanted === 'video' ? 'camera and microphone' : 'microphone';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new ImError(ErrorCode.MediaPermissionDenied, `Access to the ${what} was denied. Allow it in the browser's site settings (the icon in the address bar) and try again.`);
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new ImError(ErrorCode.MediaDeviceNotFound, `No ${what} was found. Connect one and try again.`);
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new ImError(ErrorCode.MediaDeviceUnavailable, `The ${what} could not be started; another app may be using it.`);
    default:
      return new ImError(ErrorCode.MediaDeviceUnavailable, `The ${what} could not be started${(error as Error)?.message ? `: ${(error as Error).message}` : '.'}`);
  }
}

export interface DeviceChoice {
  audioInput?: string;
  videoInput?: string;
}

/**
 * The local stream for a call. A video call on a machine without a camera falls
 * back to audio only (`cameraMissing: true`) rather than failing.
 */
export async function openLocalMedia(mediaType: CallMediaType, devices: DeviceChoice = {}): Promise<{ stream: MediaStream; cameraMissing: boolean }> {
  if (!callsSupported()) {
    throw new ImError(ErrorCode.WebRTCUnsupported, typeof isSecureContext !== 'undefined' && !isSecureContext ? 'Calls need a secure page (https or localhost).' : undefined);
  }
  const audio: MediaTrackConstraints | boolean = devices.audioInput ? { deviceId: { exact: devices.audioInput } } : true;
  const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, ...(devices.videoInput ? { deviceId: { exact: devices.videoInput } } : {}) };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio, video: mediaType === 'video' ? video : false }), cameraMissing: false };
  } catch (error) {
    const err = mediaError(error, mediaType);
    if (mediaType === 'video' && err.code === ErrorCode.MediaDeviceNotFound) {
      try {
        return { stream: await navigator.mediaDevices.getUserMedia({ audio, video: false }), cameraMissing: true };
      } catch (second) {
        throw mediaError(second, 'audio');
      }
    }
    throw err;
  }
}

/** One track of a kind, from a chosen device. */
export async function openTrack(kind: 'audio' | 'video', deviceId?: string): Promise<MediaStreamTrack> {
  const constraints: MediaStreamConstraints =
    kind === 'audio'
      ? { audio: deviceId ? { deviceId: { exact: deviceId } } : true }
      : { video: { width: { ideal: 640 }, height: { ideal: 480 }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) } };
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    return stream.getTracks()[0]!;
  } catch (error) {
    throw mediaError(error, kind === 'video' ? 'video' : 'audio');
  }
}

export interface MediaDeviceLists {
  audioInputs: MediaDeviceInfo[];
  videoInputs: MediaDeviceInfo[];
  audioOutputs: MediaDeviceInfo[];
  /** Whether this browser can route call audio to a chosen speaker (HTMLMediaElement.setSinkId). */
  canChooseSpeaker: boolean;
}

export async function listDevices(): Promise<MediaDeviceLists> {
  const all = navigator.mediaDevices?.enumerateDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  return {
    audioInputs: all.filter((d) => d.kind === 'audioinput'),
    videoInputs: all.filter((d) => d.kind === 'videoinput'),
    audioOutputs: all.filter((d) => d.kind === 'audiooutput'),
    canChooseSpeaker: typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
  };
}
