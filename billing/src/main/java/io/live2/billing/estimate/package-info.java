/** The cost and duration estimator and its calibration data (produced by {@code live calibrate}). */
package io.live2.billing.estimate;
