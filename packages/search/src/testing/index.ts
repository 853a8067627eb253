export {
  openScratchMeilisearch,
  type ScratchMeilisearch,
  type ScratchMeilisearchOptions,
} from "./open-scratch-meilisearch.ts";
