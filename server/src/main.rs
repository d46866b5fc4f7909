//! The 法i社区 server: configuration from the environment, logs, then the command (`serve` by
//! default; `server help` lists the others).

use server::commands::{self, Command};
use server::{config::Config, startup::Application, store::Store, telemetry};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match Command::parse(&args) {
        Ok(command) => command,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    if command == Command::Help {
        println!("{}", commands::USAGE);
        return ExitCode::SUCCESS;
    }
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match command {
        Command::Serve => serve(config).await,
        Command::Migrate => Store::open(&config.database_url, Some(1))
            .await
            .map(|_| "migrations applied".to_owned())
            .map_err(|e| format!("database: {e}")),
        Command::CreateAdmin(new) => match new.password() {
            Ok(password) => commands::create_admin(&config, &new, &password).await,
            Err(error) => Err(error),
        },
        Command::Demo => commands::demo(&config).await,
        Command::CheckConfig => {
            let problems = commands::check_config(&config).await;
            if problems.is_empty() {
                Ok("configuration ok".to_owned())
            } else {
                Err(problems.join("\n"))
            }
        }
        Command::Backup(file) => commands::backup(&config, &file).await,
        Command::Restore(file) => commands::restore(&config, &file).await,
        Command::Generate(size) => commands::generate(&config, size).await,
        Command::History(scale) => commands::history(&config, scale).await,
        Command::Help => Ok(String::new()),
    };
    match outcome {
        Ok(message) => {
            if !message.is_empty() {
                println!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<String, String> {
    let app = Application::build(config).await.map_err(|e| e.to_string())?;
    app.run_until_stopped().await.map_err(|e| e.to_string())?;
    Ok(String::new())
}
