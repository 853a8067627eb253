// The public surface of @sightline/feeds.
export { FeedError, type FeedErrorCode } from "./errors.ts";
