// <im-group-settings> against the real server: what each role sees and can do.
import '../../components/im-group-settings/im-group-settings.js';
import { equal, ok } from '../support/assert.js';
import { click, mount, once, part, parts, shadow, text, until } from './helpers.js';
import { cleanup, user } from './social-helpers.js';

afterEach(cleanup);

async function world() {
  const owner = await user('owner', 'Olga Owner');
  const member = await user('member', 'Max Member');
  const applicant = await user('applicant', 'Abe Applicant');
  const group = await owner.client.createGroup({ groupInfo: { groupName: 'Rowing', joinPolicy: 1 }, memberUserIDs: [member.id] });
  return { owner, member, applicant, groupID: group.groupID };
}

function memberRow(el: Element, userID: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="members"] [data-user-id="${userID}"]`);
}

describe('<im-group-settings>', () => {
  it('gives the owner the info form, join requests and member actions; accepting a request adds the member', async () => {
    const w = await world();
    await w.applicant.client.joinGroup({ groupID: w.groupID, reqMsg: 'I row too' });
    const el = document.createElement('im-group-settings');
    el.client = w.owner.client;
    el.groupId = w.groupID;
    await mount(el);
    await until(() => part(el, 'info-form'), 'the info form');
    const app = await until(() => part(el, 'applications'), 'the join requests');
    ok(text(app).includes('I row too'), 'with the message');
    await click(app.querySelector<HTMLElement>('[part~="accept-button"]')!);
    await until(() => memberRow(el, w.applicant.id), 'the applicant among the members');
    equal((await w.applicant.client.getJoinedGroupList()).map((g) => g.groupID).join(), w.groupID, 'the applicant is in');

    // Rename through the form; the member sees the new name.
    const form = part(el, 'info-form') as HTMLFormElement;
    (form.querySelector('input[name="groupName"]') as HTMLInputElement).value = 'Rowing club';
    const renamed = new Promise<string>((resolve) => w.member.client.on('onGroupInfoChanged', (g) => g.groupName === 'Rowing club' && resolve(g.groupName)));
    await click(part(el, 'save-button')!);
    equal(await renamed, 'Rowing club', 'members hear the new name');

    // Make Max an admin from his row's actions.
    const row = memberRow(el, w.member.id)!;
    await click(row.querySelector<HTMLElement>('[part~="member-actions-button"]')!);
    const makeAdmin = await until(() => [...shadow(el).querySelectorAll<HTMLElement>('.member-menu button')].find((b) => text(b) === 'Make admin'), 'Make admin');
    await click(makeAdmin);
    await until(() => text(memberRow(el, w.member.id)).includes('Admin'), 'Max marked admin');
  });

  it('gives an ordinary member no info form, lets them set their group nickname and leave after confirming', async () => {
    const w = await world();
    const el = document.createElement('im-group-settings');
    el.client = w.member.client;
    el.groupId = w.groupID;
    await mount(el);
    await until(() => part(el, 'members'), 'the member list');
    ok(!part(el, 'info-form'), 'no info form for members');
    ok(!part(el, 'member-actions-button'), 'no member actions for members');
    ok(!part(el, 'dismiss-button'), 'only the owner dismisses');
    const nick = part(el, 'nickname-input') as HTMLInputElement;
    nick.value = 'Maxi';
    nick.dispatchEvent(new Event('change'));
    await until(() => text(memberRow(el, w.member.id)).includes('Maxi'), 'the name card shows');

    await click(part(el, 'leave-button')!);
    const confirm = await until(() => part(el, 'confirm-button'), 'a confirmation');
    const left = once<{ groupID: string; dismissed: boolean }>(el, 'im-group-left');
    await click(confirm);
    equal((await left).detail.dismissed, false, 'left, not dismissed');
    await until(() => text(part(el, 'notice')).includes('not a member'), 'says so');
  });

  it('lets the owner mute everyone and mute a member; the member cannot send', async () => {
    const w = await world();
    const el = document.createElement('im-group-settings');
    el.client = w.owner.client;
    el.groupId = w.groupID;
    await mount(el);
    const muteAll = await until(() => part(el, 'mute-all')?.querySelector('input'), 'the mute-all switch');
    await click(muteAll);
    const msg = await w.member.client.createTextMessage('can I talk?');
    const failed = await w.member.client.sendMessage(msg, '', w.groupID).then(
      () => null,
      (e: { code: number }) => e.code,
    );
    equal(failed, 1806, 'GroupMuted while everyone is muted');
    await click(muteAll);
    await click(memberRow(el, w.member.id)!.querySelector<HTMLElement>('[part~="member-actions-button"]')!);
    const tenMinutes = await until(() => [...shadow(el).querySelectorAll<HTMLElement>('.member-menu button')].find((b) => text(b).includes('10 minutes')), 'mute for 10 minutes');
    await click(tenMinutes);
    await until(() => text(memberRow(el, w.member.id)).includes('Muted until'), 'marked muted');
    equal(parts(el, 'row').length >= 2, true, 'rows render');
  });
});
