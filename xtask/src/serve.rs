//! A small static file server for `www/` on 127.0.0.1, with the page's security headers.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// The Content-Security-Policy sent with every response: no inline script, wasm allowed.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

/// A server running on a background thread.
pub struct Server {
    /// The port it listens on.
    pub port: u16,
}

/// Serves `directory` on `port` (0 picks a free one) from a background thread.
pub fn spawn(directory: &Path, port: u16) -> Result<Server, String> {
    let (listener, port) = bind(port)?;
    let directory = directory.to_path_buf();
    std::thread::spawn(move || accept(listener, directory));
    Ok(Server { port })
}

/// Serves `directory` on `port` until the process is stopped.
pub fn serve(directory: &Path, port: u16) -> Result<(), String> {
    let (listener, port) = bind(port)?;
    println!("Stepwise is served at http://127.0.0.1:{port}/  (Ctrl+C stops it)");
    accept(listener, directory.to_path_buf());
    Ok(())
}

/// Listens on 127.0.0.1:`port` (0 picks a free port) and returns the port it got.
fn bind(port: u16) -> Result<(TcpListener, u16), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error} (try --port N)"))?;
    let port = listener
        .local_addr()
        .map_err(|error| error.to_string())?
        .port();
    Ok((listener, port))
}

fn accept(listener: TcpListener, directory: PathBuf) {
    for stream in listener.incoming().map_while(Result::ok) {
        let directory = directory.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &directory);
        });
    }
}

fn respond(stream: TcpStream, directory: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and drop the headers.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return send(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            true,
        );
    }
    match resolve(directory, path)
        .and_then(|file| std::fs::read(&file).ok().map(|body| (file, body)))
    {
        Some((file, body)) => send(
            &mut stream,
            "200 OK",
            content_type(&file),
            &body,
            method == "HEAD",
        ),
        None => send(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found",
            method == "HEAD",
        ),
    }
}

/// Maps a URL path to a file under `directory`, refusing anything that climbs out of it.
fn resolve(directory: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.trim_start_matches('/');
    let mut file = directory.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn send(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_directory() {
        let directory = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(resolve(directory, "/../Cargo.toml").is_none());
        assert!(resolve(directory, "/Cargo.toml").is_some());
        assert!(resolve(directory, "/missing.txt").is_none());
    }
}
