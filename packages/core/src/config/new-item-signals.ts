/**
 * What an item starts with when it first arrives: no colleague has seen or reacted to it yet,
 * and it is visible until a moderator says otherwise.
 */
export const NEW_ITEM_SIGNALS = Object.freeze({
  likeCount: 0,
  shareCount: 0,
  commentCount: 0,
  completionCount: 0,
  dismissCount: 0,
  impressionCount: 0,
  moderation: "visible",
} as const);
