package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantUntilTheDecayStartsThenDownAHalfCosineToTheFloor() {
        LearningRateSchedule schedule = new LearningRateSchedule(0.01f, 1000, 0.6f);
        assertThat(schedule.at(0)).isEqualTo(0.01f);
        assertThat(schedule.at(599)).isEqualTo(0.01f);
        assertThat(schedule.at(600)).isCloseTo(0.01f, within(1e-7f));
        assertThat(schedule.at(800))
                .as("half way down the cosine")
                .isCloseTo(0.01f * (1 + LearningRateSchedule.FLOOR) / 2, within(1e-7f));
        assertThat(schedule.at(1000)).isCloseTo(0.01f * LearningRateSchedule.FLOOR, within(1e-8f));
        assertThat(schedule.at(5000))
                .as("a training run past its steps stays at the floor")
                .isCloseTo(0.01f * LearningRateSchedule.FLOOR, within(1e-8f));
        float previous = schedule.at(600);
        for (int step = 601; step <= 1000; step++) {
            assertThat(schedule.at(step)).as("step %d", step).isLessThan(previous);
            previous = schedule.at(step);
        }
    }

    @Test
    void decayFromOneKeepsTheRateConstant() {
        LearningRateSchedule constant = new LearningRateSchedule(0.005f, 300, 1f);
        for (int step = 0; step <= 400; step += 50) {
            assertThat(constant.at(step)).isEqualTo(0.005f);
        }
    }

    @Test
    void aDecayStartOutsideTheRunIsRefused() {
        assertThatThrownBy(() -> new LearningRateSchedule(0.005f, 300, 1.5f)).hasMessageContaining("decay from 1.5");
        assertThatThrownBy(() -> new TrainingSettings(8, 10, 2, 1e-3f, 64, null, 1L, 0, -0.1f, null))
                .hasMessageContaining("decay from -0.1");
    }
}
