import { defaultConversationActionStrings, type ImConversationActionStrings } from './conversation-action-strings.js';
import { installEnglishTable } from './en.js';
import { formatCount, plural } from './plural.js';

/**
 * Texts of the social elements (contacts, profiles, group settings, member
 * picker, conversation actions, notifications). Replace any of them through
 * each element's `strings` property.
 */
export interface ImSocialStrings extends ImConversationActionStrings {
  // contacts
  contacts: string;
  friends: string;
  newRequests: string;
  groups: string;
  blacklist: string;
  sent: string;
  noFriends: string;
  noFriendsHint: string;
  noRequests: string;
  noGroups: string;
  noBlacklist: string;
  addFriend: string;
  addFriendPlaceholder: string;
  requestMessage: string;
  sendRequest: string;
  requestSent: string;
  accept: string;
  refuse: string;
  accepted: string;
  refused: string;
  pending: string;
  unblock: string;
  block: string;
  createGroup: string;
  joinGroup: string;
  joinGroupPlaceholder: string;
  joinRequested: string;
  joined: string;
  retry: string;
  loadFailed: string;
  offlineHint: string;
  sendMessage: string;
  members: (n: number) => string;
  // profile
  profile: string;
  edit: string;
  save: string;
  cancel: string;
  nickname: string;
  avatarURL: string;
  gender: string;
  genders: [string, string, string];
  birthday: string;
  email: string;
  signature: string;
  remark: string;
  deleteFriend: string;
  userNotFound: string;
  you: string;
  isFriend: string;
  blocked: string;
  // groups
  groupSettings: string;
  groupName: string;
  introduction: string;
  announcement: string;
  joinPolicy: string;
  joinPolicies: [string, string, string];
  muteAll: string;
  muteAllHint: string;
  invite: string;
  remove: string;
  makeAdmin: string;
  revokeAdmin: string;
  makeOwner: string;
  muteFor: (label: string) => string;
  unmuteMember: string;
  muteDurations: Array<[seconds: number, label: string]>;
  mutedUntil: (time: string) => string;
  owner: string;
  admin: string;
  member: string;
  applications: string;
  noApplications: string;
  leaveGroup: string;
  dismissGroup: string;
  confirmLeave: string;
  confirmDismiss: string;
  confirmRemove: (name: string) => string;
  confirmTransfer: (name: string) => string;
  myGroupNickname: string;
  loadMore: string;
  notAMember: string;
  groupNotFound: string;
  dismissed: string;
  // member picker
  search: string;
  selected: (n: number) => string;
  done: string;
  nobodyToPick: string;
  noMatches: string;
  // notifier
  newMessageFrom: (name: string) => string;
  enableNotifications: string;
}

export const defaultSocialStrings: ImSocialStrings = {
  ...defaultConversationActionStrings,
  contacts: 'Contacts',
  friends: 'Friends',
  newRequests: 'New requests',
  groups: 'Groups',
  blacklist: 'Blocked',
  sent: 'Sent',
  noFriends: 'No friends yet',
  noFriendsHint: 'Add someone by their user ID.',
  noRequests: 'No friend requests',
  noGroups: 'You are in no groups yet',
  noBlacklist: 'You have blocked nobody',
  addFriend: 'Add friend',
  addFriendPlaceholder: 'User ID',
  requestMessage: 'Message (optional)',
  sendRequest: 'Send request',
  requestSent: 'Request sent',
  accept: 'Accept',
  refuse: 'Decline',
  accepted: 'Accepted',
  refused: 'Declined',
  pending: 'Waiting',
  unblock: 'Unblock',
  block: 'Block',
  createGroup: 'New group',
  joinGroup: 'Join group',
  joinGroupPlaceholder: 'Group ID',
  joinRequested: 'Request sent to the group admins',
  joined: 'Joined',
  retry: 'Retry',
  loadFailed: 'Could not load',
  offlineHint: 'Contacts need a connection to the server.',
  sendMessage: 'Message',
  members: (n) => `${formatCount(n)} ${plural(n, 'member', 'members')}`,
  profile: 'Profile',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  nickname: 'Name',
  avatarURL: 'Avatar URL',
  gender: 'Gender',
  genders: ['Not set', 'Male', 'Female'],
  birthday: 'Birthday',
  email: 'Email',
  signature: 'About',
  remark: 'Remark (only you see it)',
  deleteFriend: 'Remove friend',
  userNotFound: 'No such user',
  you: 'You',
  isFriend: 'Friend',
  blocked: 'Blocked',
  groupSettings: 'Group settings',
  groupName: 'Group name',
  introduction: 'Introduction',
  announcement: 'Announcement',
  joinPolicy: 'Who can join',
  joinPolicies: ['Anyone', 'Anyone, after approval', 'Invited people only'],
  muteAll: 'Mute everyone',
  muteAllHint: 'Only the owner and admins can send messages.',
  invite: 'Add members',
  remove: 'Remove',
  makeAdmin: 'Make admin',
  revokeAdmin: 'Remove admin',
  makeOwner: 'Make owner',
  muteFor: (label) => `Mute for ${label}`,
  unmuteMember: 'Unmute',
  muteDurations: [
    [600, '10 minutes'],
    [3600, '1 hour'],
    [86400, '1 day'],
  ],
  mutedUntil: (time) => `Muted until ${time}`,
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  applications: 'Join requests',
  noApplications: 'No pending requests',
  leaveGroup: 'Leave group',
  dismissGroup: 'Dismiss group',
  confirmLeave: 'Leave this group?',
  confirmDismiss: 'Dismiss this group for everyone? This cannot be undone.',
  confirmRemove: (name) => `Remove ${name} from the group?`,
  confirmTransfer: (name) => `Make ${name} the owner? You become an ordinary member.`,
  myGroupNickname: 'My name in this group',
  loadMore: 'Show more',
  notAMember: 'You are not a member of this group.',
  groupNotFound: 'No such group.',
  dismissed: 'This group was dismissed.',
  search: 'Search',
  selected: (n) => `${formatCount(n)} selected`,
  done: 'Done',
  nobodyToPick: 'Nobody to pick',
  noMatches: 'No matches',
  newMessageFrom: (name) => `New message from ${name}`,
  enableNotifications: 'Enable notifications',
};

export function resolveSocialStrings(overrides: Partial<ImSocialStrings> | undefined): ImSocialStrings {
  return overrides ? { ...defaultSocialStrings, ...overrides } : defaultSocialStrings;
}

// Importing this module (the social elements do) makes it English's social table.
installEnglishTable('social', defaultSocialStrings);
