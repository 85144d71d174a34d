/**
 * Trainings of style models: the options a client may set, the training record stored in S3 and the
 * progress snapshot that the record and the progress events share.
 */
package dev.atelier.contracts.training;
