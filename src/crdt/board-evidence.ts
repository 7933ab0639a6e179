import type * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { WorkshopEvidence } from '../domain/board-evidence'
import type { ArtifactId } from '../domain/ids'
import { mutate } from './mutate'
import { createNote, setNoteField, setNoteParticipants } from './note-meta'

/**
 * Writes a workshop's result as a new action-research note of type "workshop", in one change:
 * its title, date, participants, the `workshop` tag, and a body the note editor opens as
 * ordinary headings, paragraphs and bullet lists.
 */
export const createWorkshopNote = (
  doc: Y.Doc,
  evidence: WorkshopEvidence,
  actor: Actor,
  now: number
): ArtifactId =>
  mutate(doc, () => {
    const id = createNote(
      doc,
      {
        title: evidence.title,
        type: 'workshop',
        tags: ['workshop'],
        template: {
          id: 'board-result',
          name: 'Workshop board result',
          description: '',
          title: evidence.title,
          noteType: 'workshop',
          blocks: evidence.blocks
        }
      },
      actor,
      now
    )
    setNoteField(doc, id, 'date', evidence.date, actor, now)
    if (evidence.participantNames.length > 0) setNoteParticipants(doc, id, evidence.participantNames, actor, now)
    return id
  })
