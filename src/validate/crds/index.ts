export { CrdSet, isCrdObject, type CrdVersion } from './crd-set.js';
export {
  addCrdObjects,
  addCrdsFromText,
  defaultCrdCacheDir,
  loadCrdCache,
  loadCrds,
  MAX_CRD_FILE_BYTES,
} from './load.js';
export {
  DEFAULT_CRD_VERSIONS,
  pullCrds,
  releaseAssetPath,
  type CrdProject,
  type PullCrdsOptions,
  type PullCrdsResult,
  type PulledAsset,
} from './pull.js';
