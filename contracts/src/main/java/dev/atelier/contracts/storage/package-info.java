/**
 * Where things live in the object store: the one place object keys are made.
 */
package dev.atelier.contracts.storage;
