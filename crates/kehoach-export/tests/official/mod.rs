pub mod scene;
pub mod tools;
