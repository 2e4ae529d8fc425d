export { CrdSet, type CrdVersion, isCrdObject } from './crd-set.js';
export {
  addCrdObjects,
  addCrdsFromText,
  defaultCrdCacheDir,
  loadCrdCache,
  loadCrds,
  MAX_CRD_FILE_BYTES,
} from './load.js';
export {
  type CrdProject,
  DEFAULT_CRD_VERSIONS,
  type PullCrdsOptions,
  type PullCrdsResult,
  type PulledAsset,
  pullCrds,
  releaseAssetPath,
} from './pull.js';
