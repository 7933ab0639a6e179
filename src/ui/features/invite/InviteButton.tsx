import { For, Show, createResource, createSignal } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import { mayInvite, type Role } from '../../../domain/trust/roles'
import { createJoining, createMyRole, createRemoved } from '../members/create-trust-state'
import { roleName, roleSummary, roleWithSummary } from '../members/role-text'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { makeInviteLink } from '../../../sync/invite-link'
import { useApp } from '../../app-context'
import { Dialog } from '../../components/Dialog'
import type { QrPath } from './qr'
import './invite.css'
import { t } from '../../i18n/t'

/** Roles an invitation can give, the most common first. */
const INVITABLE: Role[] = ['editor', 'commenter', 'viewer', 'owner']

/** The app's address as people open it: without the current page's fragment or query. */
const appAddress = (): string => `${location.origin}${location.pathname}`
/** The QR code's side in CSS pixels: 220, or 3 a module for a denser code (CSS caps it at the dialog's width). */
const qrPixels = (code: QrPath): number => Math.max(220, code.size * 3)

/**
 * "Invite people": the invitation link (workspace id, secret and any extra signalling servers,
 * all in the fragment) to copy, and the same link as a QR code to scan.
 */
export const InviteButton = (props: { entry: RegistryEntry; name: string; trust: WorkspaceTrust | null }) => {
  const app = useApp()
  const [open, setOpen] = createSignal(false)
  // Only the roles this device may give: an invitation naming another role would be ignored
  // by every device (an editor's invitation to be an owner never takes effect).
  const myRole = createMyRole(() => props.trust)
  // A removed device has no role, but no link of its own would lead anywhere; nor would one
  // made while this device's own join waits to be confirmed (others would refuse its invitation).
  const removed = createRemoved(() => props.trust)
  const joining = createJoining(() => props.trust)
  const invitable = (): Role[] => {
    const mine = myRole()
    return mine ? INVITABLE.filter((r) => mayInvite(mine, r)) : INVITABLE
  }
  // Chosen in this dialog only: each new invitation starts from the first role offered (Editor,
  // the common case), so a viewer's link is never made by mistake from the last one's choice.
  const [picked, setRole] = createSignal<Role | null>(null)
  const role = (): Role => {
    const chosen = picked()
    return chosen && invitable().includes(chosen) ? chosen : (invitable()[0] ?? 'viewer')
  }
  // What the link lets someone do: only an editor's or owner's link lets them change the work.
  const intro = (): string => {
    const name = props.name || t('invite.thisWorkspace')
    if (props.trust && role() === 'viewer') return t('invite.intro.viewer', { name })
    if (props.trust && role() === 'commenter') return t('invite.intro.commenter', { name })
    return t('invite.intro', { name })
  }
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null)
  // A new link (and invitation entry) for each role chosen while the dialog is open.
  const [link] = createResource(() => (open() ? role() : null), async (chosen) => {
    if (!chosen) return null
    // Read afresh: connection settings may have changed since the page opened.
    const entry = (await app.registry.get(props.entry.id)) ?? props.entry
    const text = await makeInviteLink(appAddress(), {
      workspaceId: entry.id,
      secret: entry.secret,
      signallingUrls: entry.sync?.signallingUrls ?? [],
      // A peer-to-peer-only workspace names no relay; the app's own relay is next to the link anyway.
      relayUrls: entry.sync && !entry.sync.peerToPeerOnly ? entry.sync.relayUrls : [],
      // The role it gives (docs/trust.md): without a membership here, a link as before roles.
      ...(props.trust ? { trust: await props.trust.invite(chosen) } : {})
    })
    return text
  })
  // The QR encoder loads only when someone invites. A page that cannot load it (offline, before
  // the browser kept the app for offline use) still shows the link to copy, without a code.
  const [drawn] = createResource(
    () => (link.state === 'ready' ? link() : null),
    async (text): Promise<{ text: string; code: QrPath | null } | null> => {
      try {
        const { makeQrPath } = await import('./qr')
        return { text, code: makeQrPath(text) }
      } catch {
        return null
      }
    }
  )
  // Only the link made for the dialog as it is now. While the next one is made (the dialog
  // opened again, or another role chosen) the last one is not shown: it would sit beside this
  // role's description and could be copied, a viewer's link under "join as Editor" say.
  const text = () => (link.state === 'ready' ? link() : null)
  /** The code drawn for the link shown now: undefined while it is drawn or could not be. */
  const drawing = () => {
    const made = drawn.state === 'ready' ? drawn() : null
    return made && made.text === text() ? made : undefined
  }
  const qr = () => drawing()?.code ?? null
  let field: HTMLTextAreaElement | undefined

  const copy = async (): Promise<void> => {
    const value = text()
    if (!value) return
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      // Clipboard refused (permissions): select the text so Ctrl+C works.
      field?.select()
      setCopied('failed')
    }
  }

  return (
    <Show when={invitable().length > 0 && !removed() && !joining()}>
      <button
        type="button"
        class="button primary"
        aria-haspopup="dialog"
        onClick={() => {
          setCopied(null)
          setRole(null)
          setOpen(true)
        }}
      >
        {t('invite.button')}
      </button>
      <Dialog open={open()} title={t('invite.button')} onClose={() => setOpen(false)}>
        <p>{intro()}</p>
        <Show when={props.trust}>
          <div class="field">
            <label for="invite-role">{t('invite.joinsAs')}</label>
            <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <For each={invitable()}>{(r) => <option value={r}>{roleWithSummary(r)}</option>}</For>
            </select>
          </div>
        </Show>
        <Show when={text()} fallback={<p role="status">{t('invite.making')}</p>}>
          {(linkText) => (
            <div class="invite stack">
              <div class="field">
                <label for="invite-link">{t('invite.link')}</label>
                <textarea
                  id="invite-link"
                  aria-describedby="invite-link-role"
                  ref={field}
                  class="invite-link"
                  readOnly
                  rows={3}
                  value={linkText()}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </div>
              {/* Said beside the link, not only in the picker: what the copied link gives. */}
              <p id="invite-link-role" class="invite-link-role">
                <strong>{t('invite.linkRole', { role: roleName(role()) })}</strong> {roleSummary(role())}
              </p>
              <div class="actions">
                <button type="button" class="button" aria-describedby="invite-link-role" onClick={() => void copy()}>
                  {t('invite.copy')}
                </button>
                <p role="status" class="muted">
                  {copied() === 'yes' ? t('invite.copied') : copied() === 'failed' ? t('invite.copyByHand') : ''}
                </p>
              </div>
              <Show when={qr()}>
                {(code) => (
                  <figure class="invite-qr">
                    <svg
                      role="img"
                      aria-label={t('invite.qr')}
                      viewBox={`0 0 ${code().size} ${code().size}`}
                      // At least 3 px a module, so a dense code still scans from a screen.
                      width={qrPixels(code())}
                      height={qrPixels(code())}
                      shape-rendering="crispEdges"
                    >
                      <rect width={code().size} height={code().size} fill="#ffffff" />
                      <path d={code().path} fill="#000000" />
                    </svg>
                    <figcaption>{t('invite.scan')}</figcaption>
                  </figure>
                )}
              </Show>
              <Show when={drawing() && !qr()}>
                <p class="hint">{t('invite.qrTooLong')}</p>
              </Show>
              <p class="hint">{t('invite.keyHint')}</p>
            </div>
          )}
        </Show>
        <div class="actions">
          <button type="button" class="button" onClick={() => setOpen(false)}>
            {t('invite.close')}
          </button>
        </div>
      </Dialog>
    </Show>
  )
}
