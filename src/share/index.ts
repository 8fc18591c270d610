// The whole lab in a link or a file: a versioned document, its strict parser, and the two encodings.
export {
  FORMAT,
  VERSION,
  parseLab,
  type Cursor,
  type LabDocument,
  type ParseResult,
} from './document';
export { compactWorld, toStored } from './compact';
export {
  encodeFragment,
  decodeFragment,
  encodeFile,
  decodeFile,
  FILE_EXTENSION,
  FILE_MIME,
} from './codec';
export { LIMITS } from './limits';
export { FRAGMENT_KEY, hasLinkFragment } from './link';
