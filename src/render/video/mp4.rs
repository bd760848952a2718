//! `map.mp4`: the film as H.264 in an MP4 file, which every browser and social network plays.
//! The encoder is Cisco's OpenH264 (BSD-2-Clause), compiled from the source the `openh264`
//! crate ships on crates.io; the `mp4` crate (MIT) writes the file. Frames are converted from
//! RGB to YUV 4:2:0 (BT.601, as OpenH264 expects), encoded without skipping any, with a key
//! frame every two seconds; each sample is the frame's NAL units with length prefixes (AVCC),
//! the stream's parameter sets go into the track's `avcC` box. The last frame is held
//! [`HOLD_S`](super::HOLD_S).

use super::Film;
use crate::render::RenderError;
use openh264::encoder::{
    BitRate, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, RateControlMode,
    UsageType,
};
use openh264::formats::{RgbaSliceU8, YUVBuffer};

/// Bits per second per pixel per frame: about 5 Mbit/s for 1080 × 1080 at 30 frames a second.
const BITS_PER_PIXEL_FRAME: f64 = 0.15;

/// A NAL unit without its Annex B start code.
fn strip_start_code(nal: &[u8]) -> &[u8] {
    if let Some(rest) = nal.strip_prefix(&[0, 0, 0, 1]) {
        rest
    } else if let Some(rest) = nal.strip_prefix(&[0, 0, 1]) {
        rest
    } else {
        nal
    }
}

/// The MP4's bytes.
pub fn encode(film: &Film) -> Result<Vec<u8>, RenderError> {
    let fail =
        |what: &str, e: &dyn std::fmt::Display| RenderError::Film(format!("MP4: {what}: {e}"));
    let (w, h) = (film.width as usize, film.height as usize);
    let bps = (BITS_PER_PIXEL_FRAME * (w * h) as f64 * f64::from(film.fps)).min(u32::MAX as f64);
    let config = EncoderConfig::new()
        .max_frame_rate(FrameRate::from_hz(film.fps as f32))
        .bitrate(BitRate::from_bps(bps as u32))
        .rate_control_mode(RateControlMode::Quality)
        .usage_type(UsageType::ScreenContentRealTime)
        .adaptive_quantization(false)
        .background_detection(false)
        .debug(false)
        .skip_frames(false)
        .intra_frame_period(IntraFramePeriod::from_num_frames(2 * film.fps));
    let mut encoder = Encoder::with_api_config(openh264::OpenH264API::from_source(), config)
        .map_err(|e| fail("encoder", &e))?;
    let mut sps: Option<Vec<u8>> = None;
    let mut pps: Option<Vec<u8>> = None;
    let mut samples: Vec<(bool, Vec<u8>)> = Vec::with_capacity(film.frames);
    let mut yuv = YUVBuffer::new(w, h);
    film.each_frame(|_, pixmap| {
        yuv.read_rgba8(RgbaSliceU8::new(pixmap.data(), (w, h)));
        let stream = encoder.encode(&yuv).map_err(|e| fail("encoding", &e))?;
        let sync = matches!(stream.frame_type(), FrameType::IDR);
        let mut sample = Vec::new();
        for l in 0..stream.num_layers() {
            let Some(layer) = stream.layer(l) else {
                continue;
            };
            for n in 0..layer.nal_count() {
                let Some(nal) = layer.nal_unit(n).map(strip_start_code) else {
                    continue;
                };
                match nal.first().map(|b| b & 0x1f) {
                    Some(7) => sps = Some(nal.to_vec()),
                    Some(8) => pps = Some(nal.to_vec()),
                    Some(_) => {
                        sample.extend_from_slice(&(nal.len() as u32).to_be_bytes());
                        sample.extend_from_slice(nal);
                    }
                    None => {}
                }
            }
        }
        samples.push((sync, sample));
        Ok(())
    })?;
    let (Some(sps), Some(pps)) = (sps, pps) else {
        return Err(RenderError::Film(
            "MP4: the encoder gave no parameter sets".into(),
        ));
    };
    mux(film, sps, pps, samples).map_err(|e| fail("writing", &e))
}

/// The MP4 file of `samples` (one per frame), at the film's frame rate.
fn mux(
    film: &Film,
    sps: Vec<u8>,
    pps: Vec<u8>,
    samples: Vec<(bool, Vec<u8>)>,
) -> Result<Vec<u8>, ::mp4::Error> {
    use ::mp4::{AvcConfig, MediaConfig, Mp4Config, Mp4Sample, Mp4Writer, TrackConfig, TrackType};
    let brand = |s: &str| s.parse().expect("a four-character code");
    let config = Mp4Config {
        major_brand: brand("isom"),
        minor_version: 512,
        compatible_brands: vec![brand("isom"), brand("iso2"), brand("avc1"), brand("mp41")],
        timescale: 1000,
    };
    let mut writer = Mp4Writer::write_start(std::io::Cursor::new(Vec::new()), &config)?;
    // One tick a frame.
    let timescale = film.fps;
    writer.add_track(&TrackConfig {
        track_type: TrackType::Video,
        timescale,
        language: "und".to_string(),
        media_conf: MediaConfig::AvcConfig(AvcConfig {
            width: film.width as u16,
            height: film.height as u16,
            seq_param_set: sps,
            pic_param_set: pps,
        }),
    })?;
    let last = samples.len().saturating_sub(1);
    let hold = (super::HOLD_S * f64::from(film.fps)).round() as u32;
    for (k, (sync, bytes)) in samples.into_iter().enumerate() {
        writer.write_sample(
            1,
            &Mp4Sample {
                start_time: k as u64,
                duration: if k == last { 1 + hold } else { 1 },
                rendering_offset: 0,
                is_sync: sync,
                bytes: bytes::Bytes::from(bytes),
            },
        )?;
    }
    writer.write_end()?;
    Ok(writer.into_writer().into_inner())
}
