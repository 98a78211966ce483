/**
 * The breaking-change gate: the GraphQL contract at a base ref against HEAD — SDL changes classified as
 * graphql-inspector does, and changes of the views' inferred shapes that no GraphQL-only tool can see.
 */
package dev.fraise.breaking;
