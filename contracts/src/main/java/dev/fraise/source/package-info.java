/**
 * Where objects are defined in the SQL files a database was built from: the drift gates and the contract checker
 * locate their findings with it.
 */
package dev.fraise.source;
