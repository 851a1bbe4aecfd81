//! A real SMTP server for the tests: mailin-embedded on loopback, recording
//! every message it accepts.
#![allow(dead_code)]

use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use mailin_embedded::{response, Handler, Response, Server, SslConfig};

#[derive(Clone, Default)]
pub struct Sink {
    pub received: Arc<Mutex<Vec<Received>>>,
    current: Arc<Mutex<Received>>,
}

#[derive(Clone, Default, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Handler for Sink {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        if let Ok(mut current) = self.current.lock() {
            *current = Received {
                from: from.to_string(),
                to: to.to_vec(),
                data: Vec::new(),
            };
        }
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Ok(mut current) = self.current.lock() {
            current.data.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let (Ok(current), Ok(mut received)) = (self.current.lock(), self.received.lock()) {
            received.push(current.clone());
        }
        response::OK
    }
}

pub fn start_sink() -> (Sink, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("addr").port();
    let sink = Sink::default();
    let mut server = Server::new(sink.clone());
    server
        .with_name("sink.test")
        .with_ssl(SslConfig::None)
        .expect("no TLS")
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    (sink, port)
}
