/**
 * Whether this device is used by touch first (a phone or tablet): its main pointer is coarse.
 * Such a device opens its on-screen keyboard whenever a text takes focus, and has a camera to
 * offer for photos.
 */
export const touchFirst = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches
