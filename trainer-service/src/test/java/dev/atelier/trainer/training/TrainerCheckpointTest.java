package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint format on its own: a round trip keeps every number bit for bit, the bytes are laid out as the
 * checkpoints of running trainings are, formats 1 and 2 still load, and anything else is refused with a clear error.
 */
class TrainerCheckpointTest {
    private NDManager manager;
    private TrainerCheckpoint state;

    @BeforeEach
    void state() {
        manager = ComputeDevice.cpu().newManager();
        Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed(5);
        TransformerNet net = TransformerNet.create(new TransformerNetSpec(8), manager);
        Map<String, NDArray> means = new LinkedHashMap<>();
        Map<String, NDArray> variances = new LinkedHashMap<>();
        net.parameterArrays().forEach((name, array) -> {
            means.put(name, manager.randomNormal(array.getShape()));
            variances.put(name, manager.randomUniform(0f, 1f, array.getShape()));
        });
        state = new TrainerCheckpoint(8, 120, 117, 0.731f, 97, net.parameterArrays(), means, variances, null);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aRoundTripKeepsEveryNumberBitForBit() throws Exception {
        byte[] bytes = write(state);
        try (NDManager other = ComputeDevice.cpu().newManager()) {
            TrainerCheckpoint read = TrainerCheckpoint.read(new ByteArrayInputStream(bytes), other);
            assertThat(read)
                    .extracting(
                            TrainerCheckpoint::baseWidth,
                            TrainerCheckpoint::completedSteps,
                            TrainerCheckpoint::adamUpdates,
                            TrainerCheckpoint::clipperAverage,
                            TrainerCheckpoint::clipperSeen)
                    .containsExactly(8, 120, 117, 0.731f, 97);
            assertSameArrays(read.parameters(), state.parameters());
            assertSameArrays(read.means(), state.means());
            assertSameArrays(read.variances(), state.variances());
            assertThat(write(read)).as("written again").isEqualTo(bytes);
        }
        assertThat(state.parameters().values())
                .as("the written arrays stay usable")
                .allSatisfy(a -> a.toFloatArray());
    }

    @Test
    void theBytesAreLaidOutAsTheCheckpointsOfRunningTrainings() throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(write(state)));
        assertThat(in.readUTF()).isEqualTo("atelier-style-trainer-checkpoint");
        assertThat(List.of(in.readInt(), in.readInt(), in.readInt(), in.readInt()))
                .as("format, width, steps, updates")
                .containsExactly(3, 8, 120, 117);
        assertThat(in.readFloat()).isEqualTo(0.731f);
        assertThat(in.readInt()).isEqualTo(97);
        assertThat(in.readBoolean()).as("a discriminator follows").isFalse();
        NDList arrays = NDList.decode(manager, in);
        int count = state.parameters().size();
        assertThat(arrays).hasSize(3 * count);
        assertThat(arrays.get(0).getName()).startsWith("param/");
        assertThat(arrays.get(count).getName()).startsWith("adam.m/");
        assertThat(arrays.get(2 * count).getName()).startsWith("adam.v/");
        assertThat(in.read()).as("nothing after the arrays").isEqualTo(-1);
    }

    @Test
    void aDiscriminatorsStateTravelsWithTheNetworksBitForBit() throws Exception {
        PatchDiscriminator discriminator = PatchDiscriminator.create(4, manager);
        Map<String, NDArray> means = new LinkedHashMap<>();
        Map<String, NDArray> variances = new LinkedHashMap<>();
        discriminator.parameterArrays().forEach((name, array) -> {
            means.put(name, manager.randomNormal(array.getShape()));
            variances.put(name, manager.randomUniform(0f, 1f, array.getShape()));
        });
        TrainerCheckpoint.Discriminator saved = new TrainerCheckpoint.Discriminator(
                4, 33, 0.25f, 31, discriminator.parameterArrays(), means, variances);
        TrainerCheckpoint withDiscriminator = new TrainerCheckpoint(
                8, 120, 117, 0.731f, 97, state.parameters(), state.means(), state.variances(), saved);
        byte[] bytes = write(withDiscriminator);
        try (NDManager other = ComputeDevice.cpu().newManager()) {
            TrainerCheckpoint read = TrainerCheckpoint.read(new ByteArrayInputStream(bytes), other);
            assertSameArrays(read.parameters(), state.parameters());
            TrainerCheckpoint.Discriminator restored = read.discriminator();
            assertThat(restored)
                    .extracting(
                            TrainerCheckpoint.Discriminator::width,
                            TrainerCheckpoint.Discriminator::adamUpdates,
                            TrainerCheckpoint.Discriminator::clipperAverage,
                            TrainerCheckpoint.Discriminator::clipperSeen)
                    .containsExactly(4, 33, 0.25f, 31);
            assertSameArrays(restored.parameters(), discriminator.parameterArrays());
            assertSameArrays(restored.means(), means);
            assertSameArrays(restored.variances(), variances);
            assertThat(PatchDiscriminator.fromWeights(4, restored.parameters()).width())
                    .isEqualTo(4);
            assertThatThrownBy(() -> PatchDiscriminator.fromWeights(8, restored.parameters()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the saved discriminator does not fit one of width 8");
            assertThat(write(read)).as("written again").isEqualTo(bytes);
        }
    }

    @Test
    void aCheckpointOfFormat2LoadsWithoutADiscriminator() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("atelier-style-trainer-checkpoint");
        out.writeInt(2);
        out.writeInt(8);
        out.writeInt(40);
        out.writeInt(39);
        out.writeFloat(0.5f);
        out.writeInt(38);
        writeNetworkArrays(out);

        TrainerCheckpoint read = TrainerCheckpoint.read(new ByteArrayInputStream(bytes.toByteArray()), manager);
        assertThat(read.discriminator()).isNull();
        assertThat(read.clipperSeen()).isEqualTo(38);
        assertSameArrays(read.means(), state.means());
    }

    @Test
    void aCheckpointOfFormat1LoadsWithAFreshClipper() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("atelier-style-trainer-checkpoint");
        out.writeInt(1);
        out.writeInt(8);
        out.writeInt(40);
        out.writeInt(39);
        writeNetworkArrays(out);

        TrainerCheckpoint read = TrainerCheckpoint.read(new ByteArrayInputStream(bytes.toByteArray()), manager);
        assertThat(read)
                .extracting(
                        TrainerCheckpoint::baseWidth,
                        TrainerCheckpoint::completedSteps,
                        TrainerCheckpoint::adamUpdates,
                        TrainerCheckpoint::clipperAverage,
                        TrainerCheckpoint::clipperSeen)
                .containsExactly(8, 40, 39, 0f, 0);
        assertSameArrays(read.parameters(), state.parameters());
        assertSameArrays(read.variances(), state.variances());
    }

    @Test
    void refusesWhatIsNotACheckpointOfAKnownFormat() throws Exception {
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        new DataOutputStream(other).writeUTF("some other file");
        assertThatThrownBy(() -> TrainerCheckpoint.read(new ByteArrayInputStream(other.toByteArray()), manager))
                .isInstanceOf(IOException.class)
                .hasMessage("not a style-trainer checkpoint of format 1 to 3");

        ByteArrayOutputStream future = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(future);
        out.writeUTF("atelier-style-trainer-checkpoint");
        out.writeInt(4);
        assertThatThrownBy(() -> TrainerCheckpoint.read(new ByteArrayInputStream(future.toByteArray()), manager))
                .isInstanceOf(IOException.class)
                .hasMessage("not a style-trainer checkpoint of format 1 to 3");

        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        out = new DataOutputStream(stray);
        out.writeUTF("atelier-style-trainer-checkpoint");
        out.writeInt(1);
        out.writeInt(8);
        out.writeInt(1);
        out.writeInt(1);
        new NDList(named("momentum/x", state.parameters().values().iterator().next())).encode(out);
        assertThatThrownBy(() -> TrainerCheckpoint.read(new ByteArrayInputStream(stray.toByteArray()), manager))
                .isInstanceOf(IOException.class)
                .hasMessage("unexpected array momentum/x in checkpoint");
    }

    /** The network's arrays as formats 1 and 2 name them (format 3 adds the discriminator's after them). */
    private void writeNetworkArrays(DataOutputStream out) throws IOException {
        NDList arrays = new NDList();
        state.parameters().forEach((name, array) -> arrays.add(named("param/" + name, array)));
        state.means().forEach((name, array) -> arrays.add(named("adam.m/" + name, array)));
        state.variances().forEach((name, array) -> arrays.add(named("adam.v/" + name, array)));
        arrays.encode(out);
    }

    private static byte[] write(TrainerCheckpoint checkpoint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        checkpoint.write(out);
        return out.toByteArray();
    }

    private static NDArray named(String name, NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }

    private static void assertSameArrays(Map<String, NDArray> actual, Map<String, NDArray> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, array) -> {
            assertThat(actual.get(name).getShape()).as(name).isEqualTo(array.getShape());
            assertThat(actual.get(name).toFloatArray()).as(name).containsExactly(array.toFloatArray());
        });
    }
}
