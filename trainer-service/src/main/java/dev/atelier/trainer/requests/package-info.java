/** Intake of training requests from Kafka. */
package dev.atelier.trainer.requests;
