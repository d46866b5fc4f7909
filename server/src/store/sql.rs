//! A statement built from fixed text and bound values, its placeholders numbered `$1, $2 …` as
//! both databases take them. (sqlx's `QueryBuilder` writes `?` through the `Any` driver, which
//! PostgreSQL refuses.) Values never enter the text: an optional filter or an `IN` list is text
//! from the code and placeholders only.

use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, Encode, Type};

/// SQL text and the values its placeholders stand for.
#[derive(Default)]
pub struct Sql {
    text: String,
    arguments: AnyArguments<'static>,
    count: usize,
    /// A value that could not be encoded: the statement fails with it when run.
    unbound: Option<sqlx::error::BoxDynError>,
}

impl Sql {
    /// A statement starting with `text`.
    pub fn new(text: &str) -> Sql {
        Sql { text: text.to_owned(), ..Sql::default() }
    }

    /// Appends fixed text.
    pub fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder bound to `value`.
    pub fn bind<T>(&mut self, value: T) -> &mut Sql
    where
        T: 'static + Encode<'static, Any> + Type<Any>,
    {
        self.count += 1;
        self.text.push_str(&format!("${}", self.count));
        if let Err(error) = self.arguments.add(value) {
            self.unbound.get_or_insert(error);
        }
        self
    }

    /// Appends `(…)` of placeholders bound to `values`, separated by commas (the caller skips an
    /// empty list: `IN ()` is not SQL).
    pub fn bind_list<T>(&mut self, values: impl IntoIterator<Item = T>) -> &mut Sql
    where
        T: 'static + Encode<'static, Any> + Type<Any>,
    {
        self.text.push('(');
        for (k, value) in values.into_iter().enumerate() {
            if k > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self.text.push(')');
        self
    }

    /// Every row it reads, as `R`.
    pub async fn fetch_all<'c, R, E>(mut self, executor: E) -> Result<Vec<R>, sqlx::Error>
    where
        R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        E: sqlx::Executor<'c, Database = Any>,
    {
        let arguments = self.arguments()?;
        sqlx::query_as_with(&self.text, arguments).fetch_all(executor).await
    }

    /// The one row it reads, as `R`.
    pub async fn fetch_one<'c, R, E>(mut self, executor: E) -> Result<R, sqlx::Error>
    where
        R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        E: sqlx::Executor<'c, Database = Any>,
    {
        let arguments = self.arguments()?;
        sqlx::query_as_with(&self.text, arguments).fetch_one(executor).await
    }

    /// Every row it reads, untyped (for rows whose width the caller knows).
    pub async fn fetch_rows<'c, E>(mut self, executor: E) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error>
    where
        E: sqlx::Executor<'c, Database = Any>,
    {
        let arguments = self.arguments()?;
        sqlx::query_with(&self.text, arguments).fetch_all(executor).await
    }

    /// Runs it, returning how many rows it changed.
    pub async fn execute<'c, E>(mut self, executor: E) -> Result<u64, sqlx::Error>
    where
        E: sqlx::Executor<'c, Database = Any>,
    {
        let arguments = self.arguments()?;
        Ok(sqlx::query_with(&self.text, arguments).execute(executor).await?.rows_affected())
    }

    /// The bound values, or the error of one that could not be encoded.
    fn arguments(&mut self) -> Result<AnyArguments<'static>, sqlx::Error> {
        match self.unbound.take() {
            Some(error) => Err(sqlx::Error::Encode(error)),
            None => Ok(std::mem::take(&mut self.arguments)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sql;

    #[test]
    fn placeholders_are_numbered_in_order_and_values_stay_out_of_the_text() {
        let mut sql = Sql::new("SELECT id FROM t WHERE a = ");
        sql.bind(7_i64).push(" AND b IN ").bind_list(["x'; DROP TABLE t; --".to_owned(), "y".to_owned()]);
        assert_eq!(sql.text, "SELECT id FROM t WHERE a = $1 AND b IN ($2, $3)");
    }
}
