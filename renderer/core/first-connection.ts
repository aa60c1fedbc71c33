import { connectToCore } from './connect';

/**
 * The window's connection, made while the rest of the start code is still being evaluated: this
 * module is main.tsx's first import, so the socket opens and the first calls go out before React
 * and the screens are even set up.
 */
export const firstConnection = connectToCore();
