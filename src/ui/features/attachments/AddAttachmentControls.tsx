import { Show } from 'solid-js'
import { ACCEPTED_EXTENSIONS } from '../../../app/attachments/check-file-type'
import { MAX_ATTACHMENT_BYTES, MAX_WORKSPACE_ATTACHMENT_BYTES } from '../../../domain/attachments/limits'
import type { AttachmentAdding } from './create-attachment-adding'
import type { AttachmentRoute } from '../../../domain/attachments/attachment-problem'
import { t } from '../../i18n/t'
import { formatSize } from '../../i18n/intl-format'
// Phones and tablets get the camera straight away from "Add photo" (the `capture` attribute).
import { touchFirst } from '../../touch-first'


/**
 * "Add photo" and "Attach file" above the text, with the size limits shown before anyone
 * chooses, and what went wrong with a refused file. Files can also be dropped on or pasted
 * into the text (attachment-node.ts).
 */
export const AddAttachmentControls = (props: { adding: AttachmentAdding }) => {
  let photoInput: HTMLInputElement | undefined
  let fileInput: HTMLInputElement | undefined
  const choose = (input: HTMLInputElement | undefined): void => {
    if (!props.adding.busy()) input?.click()
  }
  const take = (input: HTMLInputElement, chosenAs: AttachmentRoute): void => {
    const files = [...(input.files ?? [])]
    input.value = ''
    if (files.length > 0) void props.adding.addFiles(files, null, chosenAs)
  }
  return (
    <div class="attachment-controls no-print">
      <div class="attachment-buttons">
        {/*
          aria-disabled, not disabled, while adding: a disabled button drops keyboard focus to the
          page, and the "Describe this photo" dialog that follows would then give it back there.
        */}
        <button type="button" class="button small" aria-disabled={props.adding.busy() || undefined} onClick={() => choose(photoInput)}>
          {t('attachments.addPhoto')}
        </button>
        <button type="button" class="button small" aria-disabled={props.adding.busy() || undefined} onClick={() => choose(fileInput)}>
          {t('attachments.attachFile')}
        </button>
        <input
          ref={photoInput}
          class="visually-hidden"
          type="file"
          accept="image/*"
          multiple
          tabIndex={-1}
          aria-label={t('attachments.photoInput')}
          {...(touchFirst() ? { capture: 'environment' } : {})}
          onChange={(event) => take(event.currentTarget, 'photo')}
        />
        <input
          ref={fileInput}
          class="visually-hidden"
          type="file"
          accept={['application/pdf', ...ACCEPTED_EXTENSIONS].join(',')}
          multiple
          tabIndex={-1}
          aria-label={t('attachments.fileInput')}
          onChange={(event) => take(event.currentTarget, 'any')}
        />
        <span class="attachment-limits">{t('attachments.limits', { perFile: formatSize(MAX_ATTACHMENT_BYTES), perWorkspace: formatSize(MAX_WORKSPACE_ATTACHMENT_BYTES) })}</span>
      </div>
      <p class="status-line" role="status">
        {props.adding.announcement()}
      </p>
      <Show when={props.adding.problem()}>
        {(message) => (
          <p class="status-line status-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </div>
  )
}
