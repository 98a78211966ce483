/**
 * The contract check at a pull request's base, so that a project with drift can gate on what a change introduces:
 * {@link dev.fraise.ratchet.BaseContracts} checks the base, {@link dev.fraise.report.Ratchet} tells new problems
 * from existing and fixed ones.
 */
package dev.fraise.ratchet;
