# The embed-token server as a container: built in one stage, run in a small
# one as a non-root user, with a read-only root filesystem (docker-compose.yml
# sets read_only; the data folder is a volume). See docs/EMBED_SERVER.md.
#   docker build -t toucan-embed-server .
#   docker run --read-only -v toucan-data:/data -p 8787:8787 toucan-embed-server
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p toucan-embed-server --bin toucan-embed-server

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin toucan \
 && mkdir /data && chown toucan /data && chmod 700 /data
COPY --from=build /src/target/release/toucan-embed-server /usr/local/bin/toucan-embed-server
USER 10001
VOLUME /data
EXPOSE 8787
STOPSIGNAL SIGTERM
ENTRYPOINT ["toucan-embed-server", "--host", "0.0.0.0", "--port", "8787", "--data-dir", "/data"]
