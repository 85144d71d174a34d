/** Intake of training requests from Kafka: one at a time, committed only once final. */
package dev.atelier.trainer.requests;
