import { SIGNALING_EVENT_NAMES, type CallRelay, type SignalingEvent } from '../model/call.js';
import type { PushFrame } from '../protocol/frames.js';
import type { Emitter } from 'mitt';
import type { ImEvents } from './events.js';

/**
 * Turns the transient call pushes (`call.signal`, `call.relay`) into their events; true when
 * `frame` was one. Apart from the Signaling domain (signaling.ts) because an invitation can
 * arrive before the page ever called a signaling method, and that module loads on first call.
 */
export function handleSignalingPush(frame: PushFrame, emitter: Emitter<ImEvents>): boolean {
  if (frame.push === 'call.signal') {
    const { event, ...payload } = frame.data;
    if ((SIGNALING_EVENT_NAMES as readonly string[]).includes(event)) {
      (emitter.emit as (t: string, p: SignalingEvent) => void)(event, payload);
    }
    return true;
  }
  if (frame.push === 'call.relay') {
    emitter.emit('onCallRelay', frame.data as CallRelay);
    return true;
  }
  return false;
}
