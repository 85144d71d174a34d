/** Running a request's independent steps side by side ({@link dev.atelier.platform.concurrent.Parallel}). */
package dev.atelier.platform.concurrent;
