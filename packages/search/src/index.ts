// The public surface of @sightline/search. Everything an app or the worker needs is named here;
// nothing else is part of the API.

export {
  MeilisearchOptions,
  type MeilisearchOptionsInput,
  resolveMeilisearchOptions,
} from "./config/meilisearch-options.ts";
export {
  IndexUid,
  resolveSearchConfig,
  SearchConfig,
  type SearchConfigInput,
} from "./config/search-config.ts";
export { createMeiliClient } from "./connection/create-meili-client.ts";
export { apiErrorCode } from "./connection/meili-call.ts";
export { MeilisearchConnection, openMeilisearch } from "./connection/open-meilisearch.ts";
export { createSearchAdmin, type SearchAdmin } from "./connection/search-admin.ts";
export {
  createSearchReader,
  type SearchReader,
  type SearchReaderOptions,
} from "./connection/search-reader.ts";
export {
  compareVersions,
  featuresOf,
  MIN_SERVER_VERSION,
  type ServerFeatures,
} from "./connection/server-features.ts";
export {
  type DocumentCheck,
  fromSearchDocument,
  type SkippedDocument,
} from "./documents/from-search-document.ts";
export { type PreparedDocument, prepareDocument } from "./documents/prepare-document.ts";
export {
  PUBLIC_AUDIENCE,
  type SearchDocument,
  toSearchDocument,
} from "./documents/to-search-document.ts";
export { SearchError, type SearchErrorCode, type TaskFailure } from "./errors.ts";
export { visibilityFilter } from "./filters/visibility-filter.ts";
export { createTenantToken, type TenantTokenOptions } from "./keys/create-tenant-token.ts";
export { ensureSearchKey } from "./keys/ensure-search-key.ts";
export { SearchKey } from "./keys/search-key.ts";
export { POOL_SLICES, type PoolSlice } from "./pools/candidate-pool-queries.ts";
export {
  type CandidatePoolRequest,
  type CandidatePools,
  fetchCandidatePools,
} from "./pools/fetch-candidate-pools.ts";
export { buildSearchRequest, type LearnerSearchRequest } from "./search/build-search-request.ts";
export { safeHighlight } from "./search/safe-highlight.ts";
export {
  type SearchHit,
  type SearchResults,
  searchContent,
} from "./search/search-content.ts";
export {
  FacetName,
  parseSearchQuery,
  SearchQuery,
  type SearchQueryInput,
} from "./search/search-query.ts";
export { EmbeddedMeilisearch } from "./server/embedded-meilisearch.ts";
export { MASTER_KEY_FILE } from "./server/load-or-create-master-key.ts";
export { applyIndexSettings } from "./settings/apply-index-settings.ts";
export { contentIndexSettings } from "./settings/content-index-settings.ts";
export { ensureIndex } from "./settings/ensure-index.ts";
export { settingsDifferences } from "./settings/settings-differences.ts";
export { verifyIndexSettings } from "./settings/verify-index-settings.ts";
export { awaitTasks, type PendingTask } from "./tasks/await-tasks.ts";
export type { PartialUpdateReport } from "./writes/apply-partial-updates.ts";
export { type ReindexReport, reindexBySwap } from "./writes/reindex-by-swap.ts";
export { removeContentItems } from "./writes/remove-content-items.ts";
export { RemovalCriteria, removeContentItemsWhere } from "./writes/remove-content-items-where.ts";
export { type ModerationChange, setModeration } from "./writes/set-moderation.ts";
export { SocialCounterUpdate, updateSocialCounters } from "./writes/update-social-counters.ts";
export { upsertContentItems } from "./writes/upsert-content-items.ts";
export { type UpsertReport, upsertPreparedDocuments } from "./writes/upsert-prepared-documents.ts";
