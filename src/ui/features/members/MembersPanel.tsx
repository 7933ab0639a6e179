import { For, Show, createMemo, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import type { MemberDevices, WorkspaceTrust } from '../../../app/workspace-trust'
import { capabilitiesOf } from '../../../domain/trust/role-capabilities'
import { createMembers } from '../../../reactive/workspace-projections'
import { Dialog } from '../../components/Dialog'
import { t } from '../../i18n/t'
import { createMemberDevices, createMyRole } from './create-trust-state'
import { RemoveButton } from './RemoveButton'
import { RoleChangeForm } from './RoleChangeForm'
import { roleName } from './role-text'
import './members.css'

/**
 * "Members": everyone in the membership log with their role and devices, each device with the
 * safety code two people compare aloud, this device marked. Owners change roles and remove
 * members here; anyone removes another of their own devices (a lost laptop).
 */
export const MembersButton = (props: { doc: Y.Doc; trust: WorkspaceTrust }) => {
  const [open, setOpen] = createSignal(false)
  return (
    <>
      <button type="button" class="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('members.button')}
      </button>
      <Dialog open={open()} title={t('members.title')} onClose={() => setOpen(false)} startAtTitle>
        <Show when={open()}>
          <MemberList doc={props.doc} trust={props.trust} />
        </Show>
        <div class="actions">
          <button type="button" class="button" onClick={() => setOpen(false)}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    </>
  )
}

const MemberList = (props: { doc: Y.Doc; trust: WorkspaceTrust }) => {
  const members = createMemberDevices(props.trust)
  const records = createMembers(props.doc)
  const myRole = createMyRole(() => props.trust)
  const names = createMemo(() => new Map(records().map((member) => [member.id, member.name])))
  const myMemberId = () => props.trust.membership.view().current().state.deviceMember.get(props.trust.device.keyId)
  const canChangeRoles = () => capabilitiesOf(myRole()).changeRoles
  const [announcement, setAnnouncement] = createSignal('')
  return (
    <div class="stack">
      <p>{t('members.intro')}</p>
      <Show when={members()} fallback={<p role="status">{t('members.loading')}</p>}>
        {(listed) => (
          <Show when={listed().length > 0} fallback={<p>{t('members.none')}</p>}>
            <ul class="member-list" aria-label={t('members.listLabel')}>
              {/* Keyed by member id, so a member's block (and the focus in it) stays when the log changes. */}
              <For each={listed().map((member) => member.memberId)}>
                {(memberId) => {
                  const member = () => listed().find((m) => m.memberId === memberId) as MemberDevices
                  const name = () => names().get(memberId) || t('members.unnamed')
                  const isMe = () => memberId === myMemberId()
                  return (
                    <li class="member">
                      <h3 class="member-name">{isMe() ? t('members.you', { name: name() }) : name()}</h3>
                      <p>{t('members.role', { role: roleName(member().role) })}</p>
                      <p class="muted">{t('members.devices', { count: member().devices.length })}</p>
                      <ul class="member-devices">
                        <For each={member().devices}>
                          {(device) => (
                            <li class="member-device">
                              <span class="safety-code-label">{t('members.safetyCode')}</span>{' '}
                              <code class="safety-code">{device.safetyCode}</code>
                              <Show when={device.keyId === props.trust.device.keyId}>
                                {' '}
                                <strong class="this-device">{t('members.thisDevice')}</strong>
                              </Show>
                              {/* A lost laptop: an owner, or the member themselves from another of their devices. */}
                              <Show when={(canChangeRoles() || isMe()) && device.keyId !== props.trust.device.keyId && member().devices.length > 1}>
                                {' '}
                                <RemoveButton
                                  target={{ what: 'device', code: device.safetyCode }}
                                  remove={() => props.trust.remove({ memberId, device: device.keyId })}
                                  announce={setAnnouncement}
                                />
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                      <Show when={canChangeRoles() && !isMe()}>
                        <RoleChangeForm
                          memberId={memberId}
                          name={name()}
                          role={member().role}
                          setRole={(target, role) => props.trust.setRole(target, role)}
                          announce={setAnnouncement}
                        />
                        <RemoveButton target={{ what: 'member', name: name() }} remove={() => props.trust.remove({ memberId })} announce={setAnnouncement} />
                      </Show>
                    </li>
                  )
                }}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={canChangeRoles()}>
        <p class="hint">{t('members.changeRole.hint')}</p>
      </Show>
      <p role="status" class="muted">
        {announcement()}
      </p>
    </div>
  )
}
