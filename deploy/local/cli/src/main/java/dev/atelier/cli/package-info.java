/**
 * The {@code atelier} command line: bringing the local system up, the demo, API keys, models and datasets.
 */
package dev.atelier.cli;
