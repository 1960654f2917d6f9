/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package sh.smooth.spring.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on the JDBC store, on a real PostgreSQL: a fresh database with the
 * starter's schema per test.
 */
class JdbcTaskStoreTests extends TaskStoreContractTests {

	private HikariDataSource dataSource;

	@Override
	TaskStore newStore() {
		this.dataSource = FleetDatabase.newDataSourceWithSchema();
		// applied twice: the script only creates what is missing
		FleetDatabase.schema(this.dataSource);
		return new JdbcTaskStore(this.dataSource);
	}

	@AfterEach
	void closeDataSource() {
		this.dataSource.close();
	}

}
