/**
 * Loads a GraphQL schema — SDL files and globs, or an introspection result — with every definition's file, line
 * and column, for the contract checker.
 */
package dev.fraise.graphql;
