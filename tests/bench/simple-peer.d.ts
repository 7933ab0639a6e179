// y-webrtc imports simple-peer's browser bundle, which ships no types. The board benchmark
// only wraps its `send` to count what each peer puts on the wire.
declare module 'simple-peer/simplepeer.min.js' {
  const Peer: { prototype: { send: (chunk: unknown) => void } }
  export default Peer
}
