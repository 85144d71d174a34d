/**
 * The local stack: a real Apache Kafka broker (single-node KRaft) and a real S3 server (S3Proxy), each its own OS
 * process started from the jars that {@code deploy/local/servers} puts into {@code deploy/local/target/stack}, with
 * their data and logs under one folder that survives restarts.
 *
 * <p>Entry points: {@link dev.atelier.local.LocalStack} (the processes; also a plain {@code main}),
 * {@link dev.atelier.local.Stack#start(StackSettings)} (processes, or Testcontainers where
 * {@code atelier.stack=testcontainers}), and {@link dev.atelier.local.LocalStackTestResource} for Quarkus tests.
 */
package dev.atelier.local;
