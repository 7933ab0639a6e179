import type { RelaySocket, RelaySocketFactory } from '../../src/sync/relay/relay-socket'

/**
 * A relay in memory that follows the protocol's semantics (docs/relay-protocol.md): one room
 * log per token, seqs assigned in order, ACK after "commit", SNAPSHOT then ENTRY pages then
 * CAUGHT_UP, live fan-out to every connection (the sender's included), COMPACT that keeps
 * entries above covers, presence to the others. It is the network model for the fuzz tests,
 * and it misbehaves on purpose, as a real network and relay may: it delays frames, delivers
 * an entry twice, delivers live entries out of order or not at all, loses an APPEND (no
 * ACK), delays or repeats an ACK, and drops connections. The real relay is tested in
 * tests/unit/relay and tests/unit/sync/relay.
 */
export interface RelayFaults {
  /** Chance that a frame to a device is held back a random while. */
  delay: number
  maxDelayMs: number
  duplicate: number
  /** Chance that a live entry to one device is not delivered. */
  dropDelivery: number
  /** Chance that an APPEND is lost: not stored, never acknowledged. */
  dropAppend: number
  /** Chance, per frame received, that the relay closes the connection. */
  disconnect: number
  /** Chance that an ACK is held back a random while (past the device's ACK timeout at most), or sent twice. */
  ackFaults: number
}

export const NO_FAULTS: RelayFaults = { delay: 0, maxDelayMs: 0, duplicate: 0, dropDelivery: 0, dropAppend: 0, disconnect: 0, ackFaults: 0 }

/** What WELCOME says a connection may send (the real relay's defaults). */
const RATES = [100, 400, 8 * 1024 * 1024, 72 * 1024 * 1024]

interface Room {
  entries: { seq: number; sealed: Uint8Array }[]
  head: number
  snapshot: { covers: number; sealed: Uint8Array } | null
}

interface Connection {
  room: Room | null
  socket: ModelSocket
  closed: boolean
}

const frame = (type: number, ...parts: (Uint8Array | number[])[]): Uint8Array => {
  const body = parts.flatMap((p) => [...p])
  return Uint8Array.from([1, type, ...body])
}
const u64 = (n: number): number[] => {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(n))
  return [...bytes]
}
const u32 = (n: number): number[] => {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, n)
  return [...bytes]
}
const readU64 = (bytes: Uint8Array, at: number): number => Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(at))
const readU32 = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at)

class ModelSocket implements RelaySocket {
  binaryType = 'arraybuffer'
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(
    private readonly relay: InMemoryRelay,
    readonly connection: { current: Connection | null }
  ) {}
  send(data: Uint8Array): void {
    const copy = data.slice()
    setTimeout(() => this.relay.receive(this, copy), 0)
  }
  close(): void {
    this.relay.drop(this, false)
  }
}

export class InMemoryRelay {
  readonly rooms = new Map<string, Room>()
  private readonly connections = new Set<Connection>()
  faults: RelayFaults = NO_FAULTS
  /** While false, new connections fail (the relay is down). */
  up = true
  /** Answers every COMPACT with ERROR 6 (the snapshot would not fit), naming its ref, as a full relay does. */
  compactionsDoNotFit = false
  stats = { appends: 0, lostAppends: 0, droppedDeliveries: 0, compactions: 0, refusedCompactions: 0, disconnects: 0, faultyAcks: 0 }

  constructor(private readonly random: { next(): number; chance(p: number): boolean }) {}

  readonly socket: RelaySocketFactory = () => {
    const holder: { current: Connection | null } = { current: null }
    const socket = new ModelSocket(this, holder)
    const connection: Connection = { room: null, socket, closed: false }
    holder.current = connection
    setTimeout(() => {
      if (!this.up) {
        connection.closed = true
        socket.onclose?.({})
        return
      }
      this.connections.add(connection)
      socket.onopen?.({})
    }, 1)
    return socket
  }

  /** Ends every connection (a relay restart); devices reconnect. */
  dropAll(): void {
    for (const connection of [...this.connections]) this.drop(connection.socket, true)
  }

  drop(socket: ModelSocket, tell: boolean): void {
    const connection = socket.connection.current
    if (!connection || connection.closed) return
    connection.closed = true
    this.connections.delete(connection)
    if (tell) setTimeout(() => socket.onclose?.({}), 0)
  }

  private deliver(connection: Connection, bytes: Uint8Array, faulty: boolean): void {
    const send = (): void => {
      if (!connection.closed) connection.socket.onmessage?.({ data: bytes.slice().buffer })
    }
    const delay = faulty && this.random.chance(this.faults.delay) ? this.random.next() * this.faults.maxDelayMs : 0
    setTimeout(send, delay)
    if (faulty && this.random.chance(this.faults.duplicate)) setTimeout(send, delay + this.random.next() * this.faults.maxDelayMs)
  }

  /** An ACK, held back or repeated now and then: the device must neither lose nor double-count. */
  private acknowledge(connection: Connection, bytes: Uint8Array): void {
    if (!this.random.chance(this.faults.ackFaults)) return this.deliver(connection, bytes, false)
    this.stats.faultyAcks++
    const late = this.random.next() * this.faults.maxDelayMs * 20
    setTimeout(() => {
      if (!connection.closed) connection.socket.onmessage?.({ data: bytes.slice().buffer })
    }, late)
    if (this.random.chance(0.5)) this.deliver(connection, bytes, false)
  }

  /** In order, with no faults: what a device asked for when it connects (the backlog). */
  private backlog(connection: Connection, after: number): void {
    const room = connection.room as Room
    const logBytes = room.entries.reduce((sum, e) => sum + e.sealed.length, 0)
    const frames: Uint8Array[] = [frame(0x81, u64(room.head), u64(room.snapshot?.covers ?? 0), u32(room.entries.length), u64(logBytes), ...RATES.map(u32))]
    let from = after
    if (room.snapshot && after < room.snapshot.covers) {
      frames.push(frame(0x82, u64(room.snapshot.covers), room.snapshot.sealed))
      from = room.snapshot.covers
    }
    for (const entry of room.entries) if (entry.seq > from) frames.push(frame(0x83, u64(entry.seq), entry.sealed))
    frames.push(frame(0x84, u64(room.head)))
    for (const bytes of frames) this.deliver(connection, bytes, false)
  }

  receive(socket: ModelSocket, bytes: Uint8Array): void {
    const connection = socket.connection.current
    if (!connection || connection.closed) return
    if (this.random.chance(this.faults.disconnect)) {
      this.stats.disconnects++
      this.drop(socket, true)
      return
    }
    const type = bytes[1]
    if (type === 0x01) {
      const key = Buffer.from(bytes.subarray(2, 34)).toString('hex')
      let room = this.rooms.get(key)
      if (!room) {
        room = { entries: [], head: 0, snapshot: null }
        this.rooms.set(key, room)
      }
      connection.room = room
      this.backlog(connection, readU64(bytes, 34))
      return
    }
    const room = connection.room
    if (!room) return
    if (type === 0x02) {
      const ref = readU32(bytes, 2)
      if (this.random.chance(this.faults.dropAppend)) {
        this.stats.lostAppends++
        return
      }
      const sealed = bytes.slice(6)
      const seq = ++room.head
      room.entries.push({ seq, sealed })
      this.stats.appends++
      this.acknowledge(connection, frame(0x85, u32(ref), u64(seq)))
      for (const other of this.connections) {
        if (other.room !== room) continue
        if (this.random.chance(this.faults.dropDelivery)) {
          this.stats.droppedDeliveries++
          continue
        }
        this.deliver(other, frame(0x83, u64(seq), sealed), true)
      }
    } else if (type === 0x03) {
      const ref = readU32(bytes, 2)
      const covers = readU64(bytes, 6)
      if (this.compactionsDoNotFit) {
        this.stats.refusedCompactions++
        this.deliver(connection, frame(0x87, [6], u32(ref), [...new TextEncoder().encode('The snapshot would not fit')]), false)
        return
      }
      if (covers <= (room.snapshot?.covers ?? 0) || covers > room.head) {
        this.stats.refusedCompactions++
        this.deliver(connection, frame(0x87, [7], u32(ref), [...new TextEncoder().encode('Compaction refused')]), false)
        return
      }
      room.snapshot = { covers, sealed: bytes.slice(14) }
      room.entries = room.entries.filter((e) => e.seq > covers)
      this.stats.compactions++
      this.acknowledge(connection, frame(0x85, u32(ref), u64(covers)))
    } else if (type === 0x04) {
      for (const other of this.connections) if (other !== connection && other.room === room) this.deliver(other, frame(0x86, bytes.slice(2)), true)
    }
  }

  close(): void {
    this.up = false
    this.dropAll()
  }
}
