package io.live2.server.wiring;

import io.live2.billing.estimate.Calibration;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.billing.estimate.PriceTable;
import io.live2.server.settings.ServerSettings;

/** The estimator from the settings: the calibration file (or the bundled one), the prices with overrides, the instance type. */
final class EstimatorFactory {
    private EstimatorFactory() {
    }

    static CalibratedEstimator create(ServerSettings.Billing b) {
        Calibration calibration = b.calibrationFile() != null ? Calibration.read(b.calibrationFile()) : Calibration.bundled();
        PriceTable prices = PriceTable.bundled().withOverrides(b.priceOverrides());
        return new CalibratedEstimator(calibration, prices, b.instanceType(), b.safetyFactor());
    }
}
