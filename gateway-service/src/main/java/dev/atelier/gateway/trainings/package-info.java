/**
 * Trainings from the gateway's side: accepting a style image to train (check, store the image, write
 * the QUEUED record, publish {@code TrainingRequested} and wait for Kafka's acknowledgement), and
 * reading training records and previews back.
 */
package dev.atelier.gateway.trainings;
