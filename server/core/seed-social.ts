import { Platform } from '../../src/model/enums.js';
import { GroupRole } from '../../src/model/enums.js';
import { GroupJoinPolicy } from '../../src/model/social.js';
import type { Caller, DomainContext } from './handlers.js';
import { socialHandlers } from './handlers-social.js';
import { groupHandlers } from './handlers-groups.js';
import { socialStore } from './store-social.js';

/**
 * The demo's social graph, through the same handlers as live requests: Alice is
 * friends with Bob and Carol, Bob with Dave, Carol with Dave; Erin has asked to
 * be Alice's friend and to join the team group (approval needed; Bob is an admin).
 */
export function seedSocial(ctx: DomainContext, groupID: string): void {
  const as = (userID: string): Caller => ({ userID, platformID: Platform.Web });
  const { store } = ctx;
  for (const [a, b] of [['alice', 'bob'], ['alice', 'carol'], ['bob', 'dave'], ['carol', 'dave']] as const) {
    socialHandlers['friend.add'](ctx, as(a), { toUserID: b, reqMsg: '' });
    socialHandlers['friend.accept'](ctx, as(b), { toUserID: a, handleMsg: '' });
  }
  socialHandlers['friend.add'](ctx, as('erin'), { toUserID: 'alice', reqMsg: 'Hi Alice, Erin here. We met at the demo planning.' });
  // Quietly (no tip): the group predates the seeded history.
  socialStore(store).setMemberRole(groupID, 'bob', GroupRole.Admin);
  socialStore(store).updateGroup(groupID, { join_policy: GroupJoinPolicy.Approval, notification: 'Demo on Thursday 10:00. Dry run tomorrow.' });
  groupHandlers['group.join'](ctx, as('erin'), { groupID, reqMsg: 'Can I follow the demo prep?' });
}
