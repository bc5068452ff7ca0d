package io.pepper.admin.maintenance;

import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.WireJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/** A schedule is stored as its wire JSON, type property included. */
@Converter
class ScheduleColumn implements AttributeConverter<MaintenanceWindowSpec.Schedule, String> {

	static final ObjectWriter WRITER = WireJson.mapper().writerFor(MaintenanceWindowSpec.Schedule.class);

	static final ObjectReader READER = WireJson.mapper().readerFor(MaintenanceWindowSpec.Schedule.class);

	@Override
	public String convertToDatabaseColumn(MaintenanceWindowSpec.Schedule schedule) {
		return WRITER.writeValueAsString(schedule);
	}

	@Override
	public MaintenanceWindowSpec.Schedule convertToEntityAttribute(String column) {
		return READER.readValue(column);
	}

}
