/**
 * The demo client that stylizes the sample photo through the REST API.
 */
package dev.atelier.cli.demo;
