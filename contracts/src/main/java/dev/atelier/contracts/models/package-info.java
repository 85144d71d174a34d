/**
 * Style models: the manifest a model version is published with, and a reference to a style at a version.
 */
package dev.atelier.contracts.models;
