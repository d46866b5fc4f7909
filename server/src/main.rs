//! Starts the 法i社区 server: configuration from the environment, logs, then the application.

use server::{config::Config, startup::Application, telemetry};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    telemetry::init();
    let result = async {
        let config = Config::from_env()?;
        let app = Application::build(config).await?;
        app.run_until_stopped().await
    }
    .await;
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %error, "server stopped with an error");
            std::process::ExitCode::FAILURE
        }
    }
}
