/**
 * Running the services of the local system as child processes: their layout on disk, start order, health and
 * supervision.
 */
package dev.atelier.cli.services;
