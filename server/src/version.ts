// The one place the version is written is package.json; the bundles take it from there at build time.
import { version } from '../../package.json';

/** LR Lens's version, as package.json gives it. */
export const VERSION: string = version;
