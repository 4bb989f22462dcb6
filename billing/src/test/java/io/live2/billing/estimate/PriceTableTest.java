package io.live2.billing.estimate;

import io.live2.billing.Capacity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceTableTest {
    @Test
    void theBundledTableCoversTheInstanceTypesOfTheDeploymentGuide() {
        PriceTable t = PriceTable.bundled();
        for (String type : new String[]{"c7i.2xlarge", "c7i.4xlarge", "c6i.2xlarge", "c6i.4xlarge", "c6a.2xlarge", "c6a.4xlarge",
                "c5.2xlarge", "c5.4xlarge"}) {
            assertTrue(t.usdPerHour(type, Capacity.SPOT) < t.usdPerHour(type, Capacity.ON_DEMAND), type + ": spot is the cheaper");
        }
        assertTrue(t.source().contains("us-east-1"), "the file says where its figures come from");
    }

    @Test
    void overridesReplaceOrAddPrices() {
        PriceTable t = PriceTable.bundled().withOverrides(Map.of("c7i.2xlarge.spot", "0.2", "m7i.large.spot", "0.04",
                "m7i.large.on_demand", "0.1"));
        assertEquals(0.2, t.usdPerHour("c7i.2xlarge", Capacity.SPOT));
        assertEquals(PriceTable.bundled().usdPerHour("c7i.2xlarge", Capacity.ON_DEMAND), t.usdPerHour("c7i.2xlarge", Capacity.ON_DEMAND));
        assertEquals(0.1, t.usdPerHour("m7i.large", Capacity.ON_DEMAND));
    }

    @Test
    void badOverridesNameTheKeyAndTheAllowedForm() {
        PriceTable t = PriceTable.bundled();
        assertEquals("billing.prices.c7i.2xlarge.spot: -1.0 is out of range; allowed more than 0 up to 1000.0 USD per hour",
                assertThrows(IllegalArgumentException.class, () -> t.withOverrides(Map.of("c7i.2xlarge.spot", "-1"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.withOverrides(Map.of("c7i.2xlarge.spot", "cheap")))
                .getMessage().startsWith("billing.prices.c7i.2xlarge.spot: 'cheap' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.withOverrides(Map.of("c7i.2xlarge.reserved", "1")))
                .getMessage().startsWith("billing.prices.c7i.2xlarge.reserved: expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.withOverrides(Map.of("m7i.large.spot", "0.04")))
                .getMessage().contains("needs both spot and on_demand"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.usdPerHour("z1.huge", Capacity.SPOT))
                .getMessage().contains("c7i.2xlarge"), "an unknown type lists the priced ones");
    }
}
